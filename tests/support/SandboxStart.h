#pragma once

#include "SandboxSession.h"

#include <QTest>

#include <memory>
#include <optional>

// Starts the sandbox and stores its connections' API keys in the keychain, as the console does
// when it opens on the sandbox. Returns what went wrong; empty once the keys are stored.
inline QString startSandboxWithKeys(SandboxSession &session, QObject *context) {
    QString error;
    if (!session.start(&error))
        return error;
    // Shared: an answer after the wait gave up must not write to a frame that is gone.
    const auto stored = std::make_shared<std::optional<SecretResult>>();
    session.storeSecrets(context, [stored](const SecretResult &result) { *stored = result; });
    if (!QTest::qWaitFor([&] { return stored->has_value(); }, 20000))
        return QStringLiteral("the keychain did not store the sandbox's API keys within 20 s");
    return (*stored)->ok() ? QString() : (*stored)->errorText;
}
