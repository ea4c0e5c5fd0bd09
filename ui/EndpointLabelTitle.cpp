#include "EndpointLabelTitle.h"

namespace {

const QString LabelField = QStringLiteral("label");

} // namespace

QString EndpointLabelTitle::of(const ProviderProfile &profile) {
    return withMnemonic(profile).remove(QLatin1Char('&'));
}

QString EndpointLabelTitle::withMnemonic(const ProviderProfile &profile) {
    const QString wire = profile.hasField(LabelField) ? profile.wireField(LabelField) : QString();
    if (wire == QLatin1String("name"))
        return tr("&Name");
    if (wire == QLatin1String("description"))
        return tr("&Description");
    if (wire.isEmpty())
        return tr("&Label");
    // A word no profile used so far: the provider's own, capitalised.
    return wire.left(1).toUpper() + wire.mid(1);
}
