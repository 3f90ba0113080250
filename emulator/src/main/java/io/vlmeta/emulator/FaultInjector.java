package io.vlmeta.emulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides the faults of each request from the installed {@link FaultPlan}. A request's random draws
 * come from the seed, its endpoint and its number on that endpoint, so concurrent requests to
 * different endpoints do not disturb each other's faults.
 */
final class FaultInjector {

    /** What to do to one request. */
    record Decision(Duration delay, int status, int retryAfterSeconds, boolean dropConnection,
                    boolean badGatewayAfterProcessing) {
        static final Decision NONE = new Decision(Duration.ZERO, 0, 0, false, false);
    }

    private record Installed(FaultPlan plan, Map<Endpoint, AtomicLong> counters) {
    }

    private volatile Installed installed;

    FaultInjector(FaultPlan plan) {
        install(plan);
    }

    /** Installs a plan; request numbers start again from 1. */
    void install(FaultPlan plan) {
        Map<Endpoint, AtomicLong> counters = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            counters.put(endpoint, new AtomicLong());
        }
        installed = new Installed(plan, counters);
    }

    Decision decide(Endpoint endpoint) {
        Installed current = installed;
        FaultPlan plan = current.plan();
        long number = current.counters().get(endpoint).incrementAndGet();
        if (plan.isNone()) {
            return Decision.NONE;
        }
        for (FaultPlan.NthFailure failure : plan.failures()) {
            if (failure.endpoint().equals(endpoint.label()) && failure.n() == number) {
                return new Decision(plan.fixedDelay(), failure.status(), plan.retryAfterSeconds(), false, false);
            }
        }
        for (FaultPlan.NthAfterProcessing fault : plan.afterProcessing()) {
            if (fault.endpoint().equals(endpoint.label()) && fault.n() == number) {
                boolean drop = fault.outcome() == FaultPlan.AfterProcessing.DROP_CONNECTION;
                return new Decision(plan.fixedDelay(), 0, 0, drop, !drop);
            }
        }
        SplittableRandom random = new SplittableRandom(mix(plan.seed() ^ mix(endpoint.ordinal() * 0x100000001B3L
                + number)));
        double unavailable = random.nextDouble();
        double tooMany = random.nextDouble();
        double drop = random.nextDouble();
        // drawn last, so plans without it give the same faults as before it existed
        double badGateway = random.nextDouble();
        int status = unavailable < plan.serviceUnavailableFraction() ? 503
                : tooMany < plan.tooManyRequestsFraction() ? 429 : 0;
        boolean dropConnection = status == 0 && drop < plan.dropConnectionFraction();
        return new Decision(plan.fixedDelay(), status, plan.retryAfterSeconds(), dropConnection,
                status == 0 && !dropConnection && badGateway < plan.badGatewayAfterProcessingFraction());
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        h ^= h >>> 32;
        return h;
    }
}
