#pragma once

#include "AppliedEndpoints.h"
#include "EndpointService.h"
#include "KeychainSecretStore.h"
#include "LocalState.h"
#include "PendingCreateJournal.h"
#include "ProviderRegistry.h"
#include "RefusingSecretStore.h"
#include "SecretIndex.h"
#include "ThreadedKeychainStore.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUuid>

// EndpointService wired as the console wires it, on the real keychain (in its own thread, as in
// the console) under a service name of its own (so tests never see each other's entries) and a
// state database in a temporary folder, with the secret index and what applies left
// (AppliedEndpoints). Header-only, for GUI and integration tests. A process uses one keychain
// thread: tests that use a rig reach the keychain only through it.
struct ServiceRig {
    explicit ServiceRig(const QString &keychainPrefix)
        : keychain(keychainPrefix + QUuid::createUuid().toString(QUuid::Id128))
        , state(dir.filePath(QStringLiteral("state.sqlite")))
        , journal(state, QString())
        , secretIndex(state)
        , applied(state)
        , keychainGate(&keychain)
        , service(&network, &keychainGate, &journal, ProviderRegistry()) {
        service.setSecretIndex(&secretIndex);
        service.setAppliedEndpoints(&applied);
    }

    QTemporaryDir dir;
    QNetworkAccessManager network;
    ThreadedKeychainStore keychain;
    LocalState state;
    PendingCreateJournal journal;
    SecretIndex secretIndex;
    AppliedEndpoints applied;
    RefusingSecretStore keychainGate; // the service's way to the keychain: keychainGate.setRefusing(true) locks it
    EndpointService service;
};
