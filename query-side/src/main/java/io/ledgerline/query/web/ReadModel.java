package io.ledgerline.query.web;

/** The processing groups that build each read model, as the projections process names them. */
public enum ReadModel {
    ORDERS("orders"), PAYMENTS("payments"), INVENTORY("inventory"), SALES("sales");

    private final String processingGroup;

    ReadModel(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    public String processingGroup() {
        return processingGroup;
    }
}
