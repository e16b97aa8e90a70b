package dev.schemaguard.jpa;

import dev.schemaguard.jpa.shop.AuditEntry;
import dev.schemaguard.jpa.shop.BankTransfer;
import dev.schemaguard.jpa.shop.CardPayment;
import dev.schemaguard.jpa.shop.Category;
import dev.schemaguard.jpa.shop.Coupon;
import dev.schemaguard.jpa.shop.CreditNote;
import dev.schemaguard.jpa.shop.Customer;
import dev.schemaguard.jpa.shop.CustomerProfile;
import dev.schemaguard.jpa.shop.Document;
import dev.schemaguard.jpa.shop.Invoice;
import dev.schemaguard.jpa.shop.Media;
import dev.schemaguard.jpa.shop.Order;
import dev.schemaguard.jpa.shop.OrderLine;
import dev.schemaguard.jpa.shop.Payment;
import dev.schemaguard.jpa.shop.Product;
import dev.schemaguard.jpa.shop.Review;
import dev.schemaguard.jpa.shop.Shipment;
import dev.schemaguard.jpa.shop.ShipmentEvent;
import dev.schemaguard.jpa.shop.StockItem;
import dev.schemaguard.jpa.shop.Supplier;
import dev.schemaguard.jpa.shop.Tag;
import dev.schemaguard.jpa.shop.Video;
import dev.schemaguard.jpa.shop.Warehouse;

import java.util.List;

/** The 23 entities of the test shop model. */
final class ShopEntities {

    static final List<Class<?>> ALL = List.of(
            Customer.class, CustomerProfile.class, Category.class, Tag.class, Product.class, Order.class,
            OrderLine.class, Shipment.class, ShipmentEvent.class, Payment.class, CardPayment.class,
            BankTransfer.class, Document.class, Invoice.class, CreditNote.class, Warehouse.class,
            StockItem.class, AuditEntry.class, Review.class, Coupon.class, Supplier.class, Media.class, Video.class);

    private ShopEntities() {
    }
}
