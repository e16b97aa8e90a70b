package dev.schemaguard.jpa.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

@Entity
@PrimaryKeyJoinColumn(name = "document_id")
public class CreditNote extends Document {
    String reason;
}
