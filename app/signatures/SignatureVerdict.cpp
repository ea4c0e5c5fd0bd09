#include "SignatureVerdict.h"

#include <utility>

SignatureVerdict::SignatureVerdict(Diagnosis diagnosis, QString message)
    : m_diagnosis(diagnosis)
    , m_message(std::move(message)) {}

QString SignatureVerdict::keyword(Diagnosis diagnosis) {
    switch (diagnosis) {
    case Diagnosis::Ok:
        return QStringLiteral("ok");
    case Diagnosis::NoSignature:
        return QStringLiteral("no-signature");
    case Diagnosis::StaleTimestamp:
        return QStringLiteral("stale-timestamp");
    case Diagnosis::OtherSecret:
        return QStringLiteral("other-secret");
    case Diagnosis::PreviousSecret:
        return QStringLiteral("previous-secret");
    case Diagnosis::BodyReencoded:
        return QStringLiteral("body-reencoded");
    case Diagnosis::KeyInterpretation:
        return QStringLiteral("key-interpretation");
    case Diagnosis::Encoding:
        return QStringLiteral("encoding");
    case Diagnosis::OtherScheme:
        return QStringLiteral("other-scheme");
    case Diagnosis::Mismatch:
        return QStringLiteral("mismatch");
    }
    return {};
}
