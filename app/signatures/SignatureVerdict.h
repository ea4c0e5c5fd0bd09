#pragma once

#include <QString>

// What SignatureVerifier concluded about one delivery: a stable keyword for scripts and a
// one-line message for the operator. A message names secrets only by whose they are (this
// endpoint's, its previous one, another endpoint's), never by value, and holds no MAC.
class SignatureVerdict final {
public:
    enum class Diagnosis {
        Ok,                // signed by the endpoint's current secret, within the tolerance
        NoSignature,       // the scheme's headers are missing or unreadable
        StaleTimestamp,    // the signature is valid but its timestamp is outside the tolerance
        OtherSecret,       // signed by another endpoint's secret from the keychain
        PreviousSecret,    // signed by the endpoint's secret before its rotation
        BodyReencoded,     // valid for a re-encoded body (JSON layout, line endings)
        KeyInterpretation, // valid with the secret used raw instead of decoded, or the reverse
        Encoding,          // valid with the MAC read as hex instead of base64, or the reverse
        OtherScheme,       // valid under another signature scheme than the profile's
        Mismatch,          // none of the above
    };

    SignatureVerdict(Diagnosis diagnosis, QString message);

    Diagnosis diagnosis() const { return m_diagnosis; }
    QString message() const { return m_message; }
    bool isValid() const { return m_diagnosis == Diagnosis::Ok; }
    // "ok", "no-signature", "stale-timestamp", ...: stable words for --json and scripts.
    QString keyword() const { return keyword(m_diagnosis); }
    static QString keyword(Diagnosis diagnosis);

private:
    Diagnosis m_diagnosis;
    QString m_message;
};
