#pragma once

#include "Delivery.h"
#include "SignatureScheme.h"
#include "SignatureVerdict.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// Checks a delivery's signature against an endpoint's secret under its profile's scheme, and
// when it fails says why: each likely cause (an old timestamp, the previous or another
// endpoint's secret, a re-encoded body, the key read the other way, the MAC in the other
// encoding, another scheme) is one small check, tried in that order. HMAC-SHA256 through
// QMessageAuthenticationCode; MACs are compared in constant time, as bytes.
class SignatureVerifier final {
public:
    struct PreviousSecret {
        QString secret;
        QDateTime replacedAt;
    };
    // A secret of another endpoint, named by whose it is.
    struct OtherSecret {
        QString secret;
        QString endpointId;
        QString connectionName;
    };
    struct Secrets {
        QString current;
        std::optional<PreviousSecret> previous;
        QList<OtherSecret> others;
        int othersNotTried = 0; // other endpoints' secrets on record but not read (DeliveryJudge's bound)
    };

    explicit SignatureVerifier(SignatureScheme scheme);

    SignatureVerdict verify(const Delivery &delivery, const Secrets &secrets) const;

    // The headers a delivery of body signed with secret carries under this scheme (id is used
    // only where the scheme signs one). nullopt when the secret cannot be made into a key
    // (base64-after-prefix on a secret that is not base64).
    std::optional<QList<QPair<QString, QString>>> signedHeaders(const QByteArray &body, const QString &secret,
                                                                const QString &id, qint64 timestamp) const;

private:
    // What a delivery's headers say under one scheme.
    struct SignedParts {
        QString id;
        QString timestamp;
        QStringList signatures; // as sent, still encoded
    };

    // nullopt with *problem set when the scheme's headers are missing or unreadable.
    static std::optional<SignedParts> readHeaders(const SignatureScheme &scheme, const Delivery &delivery,
                                                  QString *problem);
    // The index of the first signature that secret's MAC of the content matches, or -1.
    static int matchingSignature(const SignatureScheme &scheme, const SignedParts &parts, const QByteArray &body,
                                 const QString &secret);

    std::optional<SignatureVerdict> checkCurrentSecret(const SignedParts &parts, const Delivery &delivery,
                                                       const Secrets &secrets) const;
    std::optional<SignatureVerdict> checkPreviousSecret(const SignedParts &parts, const Delivery &delivery,
                                                        const Secrets &secrets) const;
    std::optional<SignatureVerdict> checkOtherSecrets(const SignedParts &parts, const Delivery &delivery,
                                                      const Secrets &secrets) const;
    std::optional<SignatureVerdict> checkReencodedBody(const SignedParts &parts, const Delivery &delivery,
                                                       const Secrets &secrets) const;
    std::optional<SignatureVerdict> checkKeyInterpretation(const SignedParts &parts, const Delivery &delivery,
                                                           const Secrets &secrets) const;
    std::optional<SignatureVerdict> checkEncoding(const SignedParts &parts, const Delivery &delivery,
                                                  const Secrets &secrets) const;
    std::optional<SignatureVerdict> checkOtherSchemes(const Delivery &delivery, const Secrets &secrets) const;
    SignatureVerdict mismatch(const SignedParts &parts, const Delivery &delivery, const Secrets &secrets) const;

    // Seconds from the signed timestamp to the time received; nullopt where none is checked.
    std::optional<qint64> timestampOffset(const SignedParts &parts, const Delivery &delivery) const;
    bool isWithinTolerance(qint64 offset) const;

    SignatureScheme m_scheme;
};
