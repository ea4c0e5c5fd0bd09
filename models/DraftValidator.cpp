#include "DraftValidator.h"

DraftValidator::DraftValidator(ProviderProfile profile, Environment environment)
    : m_profile(std::move(profile))
    , m_environment(environment) {}
