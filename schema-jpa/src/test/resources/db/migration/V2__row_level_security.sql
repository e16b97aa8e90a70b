alter table app.note enable row level security;

create policy note_owner on app.note
    using (account_id = current_setting('app.account_id')::bigint);

create index note_open_idx on app.note (account_id) where not archived;
