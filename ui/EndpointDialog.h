#pragma once

#include "Connection.h"
#include "EndpointDraft.h"
#include "EndpointService.h"
#include "ProviderProfile.h"
#include "ValidationIssue.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <optional>

class EventPicker;
class KeyValueEditor;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

// Creates an endpoint, or edits one, on one connection. Shows only the fields the connection's
// provider has; fields the provider accepts only on create (or only on update) are shown read-only
// in the other mode. Checks the form with DraftValidator as the operator types, each message beside
// its field, and enables Create/Save only when nothing is wrong. All work goes through
// EndpointService; a provider's refusal is shown on the field it names, and the form keeps what was
// typed.
class EndpointDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointDialog)

public:
    // existing: the endpoint to edit, or nullopt to create one.
    EndpointDialog(EndpointService *service, const Connection &connection, const ProviderProfile &profile,
                   const std::optional<Endpoint> &existing, QWidget *parent = nullptr);
    ~EndpointDialog() override;

    bool isEditing() const { return m_existing.has_value(); }
    bool isBusy() const { return m_busy; }
    // What the form says now, as the service would receive it.
    EndpointDraft draft() const;
    // What keeps Create/Save disabled (client-side checks only).
    ValidationIssues issues() const { return m_issues; }

public slots:
    // Refused while a request is in flight: its answer may carry a one-time secret that only this
    // dialog would pass on.
    void reject() override;

signals:
    // The endpoint was created. outcome.secretStored() tells whether its secret is in the keychain;
    // otherwise outcome.unstoredSecret must be shown to the operator now (SecretDialog).
    void created(const EndpointService::SecretOutcome &outcome);
    void updated(const Endpoint &endpoint);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Whether a canonical field can be set in this dialog's mode (create or update).
    bool isEditable(const QString &field) const;
    QLabel *makeErrorLabel(const QString &field);
    void addRow(const QString &field, const QString &title, QWidget *editor, QWidget *focusTarget);
    void buildForm();
    void prefill();
    void fieldEdited(const QString &field);
    void validate();
    void showIssues();
    void setBusy(bool busy);
    void submit();
    void createFinished(const EndpointService::SecretOutcome &outcome);
    void updateFinished(const EndpointService::UpdateOutcome &outcome);
    // A provider's or the service's refusal: beside the field it names when there is one on the form.
    void showRefusal(const ValidationIssues &issues, const ApiError &error, bool mayHaveReachedProvider);
    void applyErrorColours();

    EndpointService *m_service;
    Connection m_connection;
    ProviderProfile m_profile;
    std::optional<Endpoint> m_existing;
    EndpointDraft m_initial; // what the form started from; unchanged fields keep its values exactly
    ValidationIssues m_issues;
    QHash<QString, QString> m_serverIssues; // field -> message, until the operator edits that field
    QSet<QString> m_edited;                 // fields the operator changed; the others keep m_initial's values
    QString m_refusal;                      // a refusal no field on the form can show
    bool m_busy = false;

    QWidget *m_form = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_label = nullptr;
    EventPicker *m_events = nullptr;
    QLineEdit *m_projectId = nullptr;
    QComboBox *m_scope = nullptr;
    KeyValueEditor *m_metadata = nullptr;
    KeyValueEditor *m_headers = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_enabled = nullptr;
    QHash<QString, QLabel *> m_errorLabels; // canonical field -> its message label
    QLabel *m_formError = nullptr;
    QLabel *m_formMessage = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_okButton = nullptr;
};
