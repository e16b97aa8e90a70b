package dev.schemaguard.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class Phone {
    public enum Kind { HOME, WORK, MOBILE }

    @Enumerated(EnumType.ORDINAL)
    Kind kind;
    @Column(name = "phone_number", length = 30, nullable = false)
    String number;
}
