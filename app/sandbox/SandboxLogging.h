#pragma once

#include <QLoggingCategory>

// "webhookconsole.sandbox": requests, faults and state-file problems. Never secrets or API keys.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
