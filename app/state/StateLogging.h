#pragma once

#include <QLoggingCategory>

// "webhookconsole.state": the local state database; paths, ids and row counts, never a secret.
Q_DECLARE_LOGGING_CATEGORY(lcState)
