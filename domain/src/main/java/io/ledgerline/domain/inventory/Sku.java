package io.ledgerline.domain.inventory;

import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Require;

import java.util.regex.Pattern;

/** A stock-keeping unit: the identity of one inventory item, chosen by the client. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Sku {
        Require.present(value, "sku");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("sku",
                    "sku must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
