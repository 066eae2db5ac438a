package io.ledgerline.infrastructure.eventstore;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/** The layout of a tracking-token table; each app keeps its tokens in its own schema. */
public final class TokenTables {

    private TokenTables() {
    }

    public static TokenSchema schema(String table) {
        return TokenSchema.builder()
                .setTokenTable(table)
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
