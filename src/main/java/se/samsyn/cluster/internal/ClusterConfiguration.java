package se.samsyn.cluster.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import jakarta.annotation.PreDestroy;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shared pieces behind {@link se.samsyn.cluster.ClusterLocks}, {@link se.samsyn.cluster.ChangeSignals} and the caches.
 *
 * <p>Caches are Caffeine caches (at most {@code samsyn.cache.maximum-size} entries each, 10,000 by
 * default) behind a transaction-aware proxy: an eviction or clear asked for inside a transaction
 * happens after it commits, so no instance re-reads and caches the old rows in between.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableCaching
class ClusterConfiguration {

    /**
     * Extends held locks while their holder lives. Deliberately not a bean: an executor bean would
     * make Spring Boot skip its own task executor, which the schedulers and async listeners use.
     */
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-lock-keep-alive");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stopKeepAlive() {
        keepAlive.shutdownNow();
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplateLockProvider jdbc = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTransactionManager(transactions)
                .withTableName("cls_lock")
                .usingDbTime()
                .build());
        return new KeepAliveLockProvider(jdbc, keepAlive);
    }

    @Bean
    CacheManager cacheManager(@Value("${samsyn.cache.maximum-size:10000}") long maximumSize) {
        CaffeineCacheManager caffeine = new CaffeineCacheManager();
        caffeine.setCaffeine(Caffeine.newBuilder().maximumSize(maximumSize).recordStats());
        return new TransactionAwareCacheManagerProxy(caffeine);
    }
}
