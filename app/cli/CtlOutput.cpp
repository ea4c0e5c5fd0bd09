#include "CtlOutput.h"

#include "TerminalText.h"

CtlOutput::CtlOutput(QTextStream &out, QTextStream &err)
    : out(out)
    , err(err) {}

QString CtlOutput::safe(const QString &text) {
    return TerminalText::escaped(text);
}

void CtlOutput::error(const QString &message) {
    err << "webhookctl: " << safe(message) << Qt::endl;
}

void CtlOutput::recovery(const EndpointService::Recovery &report) {
    err << "webhookctl: " << safe(report.description()) << Qt::endl;
    if (report.result != EndpointService::Recovery::Result::SecretUnstored)
        return;
    // A real secret is printable and passes unchanged; only a hostile one is altered.
    err << tr("webhookctl: WARNING: the signing secret of %1 is shown once; store it now:")
               .arg(safe(report.endpoint.id.isEmpty() ? report.endpoint.url : report.endpoint.id))
        << Qt::endl
        << safe(report.unstoredSecret) << Qt::endl;
    raise(SecretNotStored);
}

void CtlOutput::flush() {
    out.flush();
    err.flush();
}
