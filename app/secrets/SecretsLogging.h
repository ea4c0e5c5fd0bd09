#pragma once

#include <QLoggingCategory>

// "webhookconsole.secrets": keys, statuses and file paths only, never a secret value.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
