#pragma once

#include "SandboxOptions.h"
#include "SandboxResponse.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <optional>

// Decides which injected faults hit a request. Everything is deterministic: counters for the
// "next N requests" setters, a seeded generator for failRate, and fixed one-second windows for
// the rate limit. Order per request: rate limit (429) -> failure (500) -> normal handling ->
// drop-after-commit (creates only) -> malformed body (2xx only) -> latency.
class FaultPlan final {
public:
    enum class Early { None, RateLimited, Failed };
    // Which broken body a malformed answer carries; Cycle rotates through the other three.
    enum class MalformedBody { Cycle, Truncated, WrongTypes, Html };

    explicit FaultPlan(const SandboxOptions &options);

    // Faults answered before the request is looked at (nothing is committed).
    Early beforeHandling();
    // True when this successful create must be committed and then left unanswered.
    bool takeDropAfterCommit();
    // Rewrites a 2xx answer when a malformed fault is due; other answers pass unchanged.
    void applyMalformed(SandboxResponse &response);
    int latencyMs() const { return m_latencyMs; }
    int commitDelayMs() const { return m_commitDelayMs; }

    void setDropAfterCommit(int creates) { m_dropAfterCommit = qMax(0, creates); }
    void setLatencyMs(int ms) { m_latencyMs = qMax(0, ms); }
    void setCommitDelayMs(int ms) { m_commitDelayMs = qMax(0, ms); }
    void setFailRate(double rate) { m_failRate = qBound(0.0, rate, 1.0); }
    void failNext(int requests) { m_failNext = qMax(0, requests); }
    void setRateLimit(int requestsPerSecond);
    void rateLimitNext(int requests) { m_rateLimitNext = qMax(0, requests); }
    void setMalformed(bool on) { m_malformed = on; }
    void malformedNext(int answers, MalformedBody body = MalformedBody::Cycle);

    int dropAfterCommit() const { return m_dropAfterCommit; }
    double failRate() const { return m_failRate; }
    int rateLimit() const { return m_rateLimit; }
    bool malformed() const { return m_malformed; }

    static QByteArray malformedBody(MalformedBody kind, const QByteArray &documented);

private:
    QRandomGenerator m_random;
    int m_dropAfterCommit = 0;
    int m_latencyMs = 0;
    int m_commitDelayMs = 0;
    double m_failRate = 0.0;
    int m_failNext = 0;
    int m_rateLimit = 0;
    int m_rateLimitNext = 0;
    QElapsedTimer m_window;
    int m_windowCount = 0;
    bool m_malformed = false;
    int m_malformedNext = 0;
    MalformedBody m_malformedKind = MalformedBody::Cycle;
    int m_malformedCount = 0;
};
