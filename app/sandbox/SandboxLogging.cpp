#include "SandboxLogging.h"

// Warnings by default, so test output stays quiet; webhook-sandbox turns info on.
Q_LOGGING_CATEGORY(lcSandbox, "webhookconsole.sandbox", QtWarningMsg)
