package de.augenhoehe.gateway.web;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Hands the access log's lines (one per request) to a logging thread, so that the event loop does not format and write
 * them itself. Done in code on top of Boot's own logging set-up rather than in a {@code logback-spring.xml}: that file
 * would have to pick the structured or the plain console appender itself, and an installation that switches structured
 * logging off ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=}) would no longer start.
 * Nothing is dropped: {@code discardingThreshold 0} keeps INFO lines when the queue fills and a request thread then
 * waits for room; the queue is drained on shutdown. Several gateway contexts in one JVM (tests) share one async
 * appender, attached by the first and detached by the last.
 */
@Component
class AsyncAccessLog implements SmartInitializingSingleton, DisposableBean {

    private static final String NAME = "ACCESS_ASYNC";
    private static int users;

    @Override
    public void afterSingletonsInstantiated() {
        synchronized (AsyncAccessLog.class) {
            if (users++ == 0 && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                attach(context);
            }
        }
    }

    @Override
    public void destroy() {
        synchronized (AsyncAccessLog.class) {
            if (--users == 0 && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                Logger access = context.getLogger("access");
                Appender<ILoggingEvent> async = access.getAppender(NAME);
                if (async != null) {
                    access.detachAppender(async);
                    access.setAdditive(true);
                    async.stop();
                }
            }
        }
    }

    private static void attach(LoggerContext context) {
        Logger access = context.getLogger("access");
        List<Appender<ILoggingEvent>> targets = new ArrayList<>();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(targets::add);
        if (targets.isEmpty() || access.getAppender(NAME) != null) {
            return;
        }
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(NAME);
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setMaxFlushTime(2000);
        targets.forEach(async::addAppender);
        async.start();
        access.addAppender(async);
        access.setAdditive(false);
    }
}
