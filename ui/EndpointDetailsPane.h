#pragma once

#include "Endpoint.h"

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

    void showEndpoint(const std::optional<Endpoint> &endpoint, std::optional<bool> secretStored = std::nullopt);
    // Several selected: how many, and how many of them are active, paused, auto-paused...
    void showSummary(const QList<Endpoint> &endpoints);
    // The label field's title, in the provider's word for it (see EndpointLabelTitle).
    void setLabelTitle(const QString &title);
    // Where Tab enters the pane from the table (Copy ID, then Provider JSON).
    QWidget *tabEntry() const;
    QWidget *tabExit() const;

private:
    QLabel *addField(const QString &objectName, const QString &title);

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
};
