#pragma once

#include <QString>

// Why a request to a provider did not give the answer we wanted. Never holds a secret:
// messages come from the provider's error body or from us, and are safe to show and log.
struct ApiError {
    enum class Kind {
        None,
        Invalid,     // rejected before sending (validation, bad connection settings)
        Unsupported, // the provider has no such operation (e.g. rotate on Encrata)
        Network,     // host unreachable, connection refused or reset
        Timeout,
        Tls,
        Http,      // the provider answered with an error status
        Malformed, // the provider answered, but not with the documented JSON
        Keychain,  // the secret could not be stored (the provider-side operation succeeded)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;    // provider's code: "VALIDATION", "invalid_request_error", ...
    QString message; // human sentence
    QString field;   // canonical field the provider blamed ("url", "events", ...), if any
    int retryAfterSeconds = -1;
    // A 404 in the provider's own documented not-found shape (see ProviderProfile::errorNotFoundCode),
    // not just any 404: a wrong base path answers 404 too, while the endpoint lives on.
    bool notFound = false;
    // A list stopped at the configured cap (ApiClient::Policy); the pages read so far were handed on.
    bool limitReached = false;

    bool isError() const { return kind != Kind::None; }
    // One line for stderr or a message bar: "HTTP 422 VALIDATION: url must be https (field url)".
    QString toString() const;
};
