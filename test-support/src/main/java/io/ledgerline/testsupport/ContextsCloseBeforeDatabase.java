package io.ledgerline.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Registers every Spring test context with {@link TestDatabases#closeBeforeServer}, so that at JVM
 * exit the apps stop (processors release their segments) before the test PostgreSQL does. Spring
 * Boot closes them from a shutdown hook of its own, which runs at the same time as the one that
 * stops the server: a processor then waited 30 s for a database that was gone.
 */
public class ContextsCloseBeforeDatabase implements TestExecutionListener, Ordered {

    private static final Set<ApplicationContext> REGISTERED = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    @Override
    public void prepareTestInstance(TestContext testContext) {
        if (testContext.hasApplicationContext()
                && testContext.getApplicationContext() instanceof ConfigurableApplicationContext context
                && REGISTERED.add(context)) {
            TestDatabases.closeBeforeServer(context::close);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
