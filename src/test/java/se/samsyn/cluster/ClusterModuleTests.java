package se.samsyn.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.ModuleTestClock;
import se.samsyn.TestDatabases;

/**
 * The cluster module started on its own on a migrated database: a lock held by one thread keeps
 * another out until it is released, and a raised change signal runs the registered action at the
 * next poll, once however often it was raised in between.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.cluster.signal-interval=1h"})
@Import(ModuleTestClock.class)
class ClusterModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "cluster_module");
    }

    @Autowired
    ClusterLocks locks;

    @Autowired
    ChangeSignals signals;

    @Test
    void aHeldLockKeepsOthersOutUntilItIsReleased() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> locks.runExclusively("module-test", Duration.ofSeconds(30), () -> {
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        AtomicInteger ran = new AtomicInteger();
        assertThat(locks.runIfFree("module-test", ran::incrementAndGet)).isFalse();
        assertThatThrownBy(() -> locks.runExclusively("module-test", Duration.ofMillis(300), ran::incrementAndGet))
                .isInstanceOf(ClusterLockTimeout.class);
        assertThat(ran).hasValue(0);

        release.countDown();
        holder.join(30_000);
        assertThat(locks.runIfFree("module-test", ran::incrementAndGet)).isTrue();
        assertThat(ran).hasValue(1);
    }

    @Test
    void aRaisedSignalRunsItsActionAtTheNextPollOnce() {
        List<String> seen = new CopyOnWriteArrayList<>();
        signals.onChange("module-test-topic", () -> seen.add("changed"));
        signals.poll();
        assertThat(seen).isEmpty();

        signals.raise("module-test-topic");
        signals.poll();
        signals.poll();
        assertThat(seen).containsExactly("changed");

        signals.raise("module-test-topic");
        signals.raise("module-test-topic");
        signals.poll();
        assertThat(seen).containsExactly("changed", "changed");
    }
}
