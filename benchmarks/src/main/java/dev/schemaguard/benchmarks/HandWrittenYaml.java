package dev.schemaguard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A YAML schema of N tables in schema {@code hand} written as a person writes one, not as a snapshot does:
 * unqualified type aliases ({@code int}, {@code bool}, {@code varchar(100)}), expressions in casual spelling
 * ({@code price>=0} where PostgreSQL prints {@code (price >= (0)::numeric)}, {@code status in ('new','done')},
 * {@code current_timestamp}, {@code now()}, {@code TRUE}), a partial index and an expression index per table.
 * Every table but the first has a foreign key to the one before. The database to check it against is made from
 * the same file ({@code schemaguard baseline --expected FILE | psql}), so a check must find no drift, which takes
 * canonicalization: text normalization alone does not add the casts PostgreSQL adds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.schemaguard.benchmarks.HandWrittenYaml 1000 /tmp/hand-1000.yaml
 * </pre>
 */
public final class HandWrittenYaml {

    private HandWrittenYaml() {
    }

    public static String yaml(int tables) {
        StringBuilder yaml = new StringBuilder("schema: hand\ntables:\n");
        for (int i = 0; i < tables; i++) {
            String name = String.format("item_%05d", i);
            yaml.append("  ").append(name).append(":\n    columns:\n");
            yaml.append("      id: bigserial primary key\n");
            if (i > 0) {
                yaml.append(String.format("      previous_id: bigint references item_%05d(id)%n", i - 1));
            }
            yaml.append("      name: varchar(100) not null\n");
            yaml.append("      price: numeric(10,2) not null default 0 check (price>=0)\n");
            yaml.append("      qty: int not null default 1 check (qty > 0 and qty<1000)\n");
            yaml.append("      status: text not null default 'new'\n");
            yaml.append("      created_at: timestamptz not null default current_timestamp\n");
            yaml.append("      updated_at: timestamp default now()\n");
            yaml.append("      active: bool default TRUE\n");
            yaml.append("      total: numeric generated always as (price*qty) stored\n");
            yaml.append("    checks:\n");
            yaml.append("      - status in ('new','done','gone')\n");
            yaml.append("    indexes:\n");
            yaml.append("      - columns: [name]\n        where: active and status<>'gone'\n");
            yaml.append("      - columns:\n          - expression: lower(name)\n");
        }
        return yaml.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: HandWrittenYaml TABLES FILE");
        }
        Files.writeString(Path.of(args[1]), yaml(Integer.parseInt(args[0])));
    }
}
