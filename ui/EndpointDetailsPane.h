#pragma once

#include "Endpoint.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class ClipboardGuard;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QToolButton;

// Everything about the selected endpoint: every canonical field, events, metadata and headers,
// the id with a copy button, and the provider's raw JSON (collapsible), so nothing the
// provider sends is hidden.
class EndpointDetailsPane final : public QWidget {
    Q_OBJECT

public:
    EndpointDetailsPane(ClipboardGuard *clipboard, QWidget *parent = nullptr);

    // previousReplacedAt: the endpoint's previous signing secret is kept (a rotate replaced it then;
    // an invalid time when that is not on record); nullopt when none is.
    void showEndpoint(const std::optional<Endpoint> &endpoint, std::optional<bool> secretStored = std::nullopt,
                      const std::optional<QDateTime> &previousReplacedAt = std::nullopt);
    // Several selected: how many, and how many of them are active, paused, auto-paused...
    void showSummary(const QList<Endpoint> &endpoints);
    // The label field's title, in the provider's word for it (see EndpointLabelTitle).
    void setLabelTitle(const QString &title);
    // Where Tab enters the pane from the table (Copy ID, then Provider JSON).
    QWidget *tabEntry() const;
    QWidget *tabExit() const;
    // The provider's object for an endpoint listed without it (providerJsonWanted), or why it
    // could not be had (errorText). Ignored unless that endpoint is still the one shown.
    void showProviderJson(const QString &endpointId, const QJsonObject &json, const QString &errorText = {});

signals:
    // Provider JSON was opened on an endpoint whose list entry came without the provider's object
    // (lists leave it out to save memory); the window asks the provider for it.
    void providerJsonWanted(const QString &endpointId);

private:
    QLabel *addField(const QString &objectName, const QString &title);
    void askForProviderJson();

    ClipboardGuard *m_clipboard;
    QString m_id;
    QLabel *m_summary; // "Select an endpoint", or what a multi-selection holds
    QScrollArea *m_scroll;
    QWidget *m_details;
    QFormLayout *m_form;
    QLabel *m_idLabel;
    QToolButton *m_copyId;
    QHash<QString, QLabel *> m_fields;
    QToolButton *m_rawToggle;
    QPlainTextEdit *m_raw;
    QString m_rawFor; // the endpoint whose provider object m_raw holds, or is being asked for
};
