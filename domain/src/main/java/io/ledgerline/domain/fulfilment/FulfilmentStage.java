package io.ledgerline.domain.fulfilment;

/** Where one order's fulfilment stands; docs/fulfilment.md draws the transitions. */
public enum FulfilmentStage {
    /** Stock is reserved and the payment authorization was requested; waiting for its outcome. */
    AWAITING_PAYMENT,
    /** Payment authorized and order confirmed; waiting for shipment or cancellation. */
    CONFIRMED,
    /** The order was cancelled while a payment outcome was still outstanding; waiting for it to void it. */
    COMPENSATING
}
