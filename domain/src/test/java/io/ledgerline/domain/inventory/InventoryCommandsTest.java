package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InventoryCommandsTest {

    private static final Sku SKU = new Sku("MUG-RED-01");

    @Test
    void reservationNeedsAPositiveQuantity() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new ReserveStock(SKU, new OrderId("order-1"), 0));
        assertThat(e.field()).isEqualTo("quantity");
    }

    @Test
    void receiptNeedsAPositiveQuantity() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new ReceiveStock(SKU, -1));
        assertThat(e.field()).isEqualTo("quantity");
    }

    @Test
    void adjustmentByZeroIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new AdjustStock(SKU, 0, "none"));
        assertThat(e.field()).isEqualTo("delta");
    }

    @Test
    void adjustmentNeedsAReason() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new AdjustStock(SKU, -1, " "));
        assertThat(e.field()).isEqualTo("reason");
    }
}
