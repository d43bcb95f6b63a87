package dev.socketioredis.test;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The log lines written while each test runs, to count what a client or a message made the node log.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * final LogLines logs = new LogLines();
 * </pre>
 */
public final class LogLines implements BeforeEachCallback, AfterEachCallback {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		this.appender.list.clear();
		this.appender.start();
		root().addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		root().detachAppender(this.appender);
		this.appender.stop();
	}

	/** The lines at WARN or above. */
	public List<ILoggingEvent> warningsAndErrors() {
		return this.appender.list.stream().filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
