package io.ledgerline.projections.runtime;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class ReadModelSqlTest {

    private final ReadModelSql second = new ReadModelSql(mock(JdbcClient.class), 2);

    @Test
    void tablesAreThoseOfTheGenerationAndFunctionsAreShared() {
        assertThat(second.rewrite("""
                INSERT INTO read.payments (payment_id) SELECT read.payment_status(1, 0, 0)
                FROM read.orders o JOIN read.order_lines l ON l.order_id = o.order_id
                ON CONFLICT DO UPDATE SET n = read.daily_sales.n"""))
                .isEqualTo("""
                INSERT INTO read.payments_g2 (payment_id) SELECT read.payment_status(1, 0, 0)
                FROM read.orders_g2 o JOIN read.order_lines_g2 l ON l.order_id = o.order_id
                ON CONFLICT DO UPDATE SET n = read.daily_sales_g2.n""");
    }
}
