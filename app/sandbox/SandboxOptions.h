#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

// How a SandboxServer behaves. Every fault option can also be changed at runtime through
// SandboxServer's setters, so a test can turn a fault on for exactly the requests it cares about.
struct SandboxOptions {
    quint16 port = 0;  // 0: any free port
    quint32 seed = 1;  // ids, secrets, demo data and failRate draws are deterministic from it
    QString stateFile; // JSON; loaded by listen() when present, saved (mode 0600) after each change
    QString apiKey = QStringLiteral("sandbox-key");
    // Also a valid key; the only one allowed to set a scope wider than a profile's first (default) scope.
    QString adminApiKey = QStringLiteral("sandbox-admin-key");
    // Production by default: plain-http endpoint URLs are refused unless a profile's url.plainHttp
    // rule allows them in development and this is true.
    bool development = false;
    int autoPauseAfter = 3;      // consecutive failed deliveries before an auto-pausable endpoint pauses
    int pageSize = 20;           // items per page for paginated lists
    int endpointLimit = 0;       // endpoints per provider; 0 = unlimited, else create answers 409
    QStringList knownProjectIds; // empty: any well-formed project id is accepted, else others are 404

    // Faults (see FaultPlan for exactly what each does).
    int dropAfterCommit = 0; // the first N successful creates are committed, then the connection is cut
    int latencyMs = 0;       // every answer is delayed by this much (timer, never blocking)
    int commitDelayMs = 0;   // every POST is processed this long after it arrived, as by a slow provider
    double failRate = 0.0;   // probability 0..1 that a request is answered 500 before it is processed
    int rateLimit = 0;       // requests per fixed one-second window; 0 = unlimited, excess gets 429
    bool malformed = false;  // every 2xx answer gets a body that is not the documented JSON
};
