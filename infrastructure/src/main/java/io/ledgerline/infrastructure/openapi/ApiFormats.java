package io.ledgerline.infrastructure.openapi;

/**
 * The formats the API checks, as schema patterns and descriptions, for {@code @Schema} annotations:
 * the same rules the domain's value objects enforce ({@code Sku}, {@code Money}).
 */
public final class ApiFormats {

    /** A SKU: 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or a digit. */
    public static final String SKU = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final String SKU_TEXT = "The SKU: 1 to 64 letters, digits, `.`, `_` and `-`, starting with a letter or a digit";

    /** An ISO 4217 code in capitals; codes without a minor unit (XXX, XAU) are refused too. */
    public static final String CURRENCY = "^[A-Z]{3}$";
    public static final String CURRENCY_TEXT = "An ISO 4217 currency code in capitals, of a currency with a minor unit (`XXX` "
            + "and `XAU` are refused)";

    /** A decimal amount as a string; a JSON number is accepted in requests too. */
    public static final String AMOUNT = "^[0-9]+(\\.[0-9]+)?$";
    public static final String AMOUNT_TEXT = "A decimal string (a JSON number is accepted too) with no more decimals than "
            + "the currency's minor unit (2 for EUR, 0 for JPY); trailing zeros beyond it are allowed";
    public static final String AMOUNT_OUT_TEXT = "A decimal string with exactly the currency's number of decimals";

    /** A UUID as the command side assigns order and payment ids. */
    public static final String UUID_EXAMPLE = "0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11";
    public static final String PAYMENT_EXAMPLE = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private ApiFormats() {
    }
}
