#pragma once

#include "Connection.h"
#include "EndpointDraft.h"
#include "SignatureScheme.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>

// One parsed webhookctl command line: what to do, to what, with which options. Parsing checks
// shape only (known command, options that belong to it, well-formed values); the provider's
// rules are DraftValidator's job. Never holds a secret: secrets and API keys come from stdin or
// the environment, never from arguments.
struct CtlInvocation {
    enum class Command {
        Help,
        Version,
        ConnectionAdd,
        ConnectionList,
        ConnectionRemove,
        List,
        Create,
        Update,
        Pause,
        Resume,
        RotateSecret,
        Test,
        Delete,
        Events,
        SecretShow,
        SecretImport,
        SecretForgetPrevious,
        Sign,
        Verify,
        Listen,
        Export,
        Plan,
        Apply,
    };

    Command command = Command::Help;
    QString connectionName; // -c NAME, or the NAME of "connection add/remove"; listen: optional
    QString endpointId;
    bool json = false;
    bool raw = false;         // list --json: with the provider's own object of each endpoint
    int requestTimeoutMs = 0; // --request-timeout; 0: the default
    // --deadline: how long the whole command may take, every request and retry wait included.
    static constexpr int defaultDeadlineSeconds = 120;
    static constexpr int maxDeadlineSeconds = 24 * 3600;
    int deadlineSeconds = defaultDeadlineSeconds;

    // connection add
    QString providerId;
    QString baseUrl;
    Environment environment = Environment::Production;
    QString authScheme;

    // create / update: what the operator typed; update applies only the options given
    EndpointDraft draft;
    QStringList optionsGiven; // canonical field names set on the command line ("url", "events", ...)

    // secret import
    bool anyForm = false; // --any-form: store a secret even if it does not fit the profile's form

    // sign and verify: the delivery's body is the file's bytes, or stdin's when no file is given
    QString bodyFile;
    std::optional<qint64> timestamp; // sign --timestamp, Unix seconds; default: now
    QString messageId;               // sign --id; default: msg_ and random letters, where the scheme signs one
    QList<QPair<QByteArray, QByteArray>> deliveryHeaders; // verify --header 'Name: value', in order
    QDateTime receivedAt;                                 // verify --received-at; invalid: now
    std::optional<SignatureScheme::Kind> scheme;          // verify --scheme; default: the profile's

    // listen: the port on 127.0.0.1 (0: a free one), and where each delivery is relayed to
    quint16 listenPort = 0;
    QString forwardUrl;

    // export, plan and apply (endpoints as code): the connections to export (-c, repeatable; none:
    // all), where the document goes (-o; empty: stdout) or comes from (-f), its variables
    // (--var NAME=VALUE, in order, and --vars-file), --prune (deletes endpoints the document does
    // not list) and --yes (apply without asking).
    QStringList connectionNames;
    QString outputFile;
    QString documentFile;
    QStringList variables;
    QString varsFile;
    bool prune = false;
    bool yes = false;

    // Parses arguments (without the program name). On a usage error returns nullopt and sets *error
    // to a sentence naming the option or argument at fault.
    static std::optional<CtlInvocation> parse(const QStringList &arguments, QString *error);
    static QString usage();
    // For a command line parse() refused: the usage of the command it names, and where the rest
    // is; all of usage() when it names none.
    static QString usageFor(const QStringList &arguments);
    // The exit status of a command line parse() refused: 2, but 1 for plan and apply, whose 2
    // means "changes pending".
    static int usageErrorExitCode(const QStringList &arguments);
};
