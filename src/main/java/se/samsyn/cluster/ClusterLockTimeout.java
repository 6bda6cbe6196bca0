package se.samsyn.cluster;

import java.time.Duration;

/** A cluster-wide lock stayed taken by another holder for longer than the caller would wait. */
public class ClusterLockTimeout extends RuntimeException {

    ClusterLockTimeout(String name, Duration waited) {
        super("The cluster lock " + name + " stayed taken for more than " + waited);
    }
}
