#include "ProviderDialect.h"

ProviderDialect::ProviderDialect(ProviderProfile profile)
    : m_profile(std::move(profile)) {}
