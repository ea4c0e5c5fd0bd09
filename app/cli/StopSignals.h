#pragma once

#include <QObject>

class QSocketNotifier;

// SIGINT and SIGTERM as a Qt signal, for a command that runs until it is stopped (listen). The
// handler only writes a byte to a socket pair (the one thing safe in a signal handler); the event
// loop reads it and emits stopRequested(), so the command ends through its normal path.
class StopSignals final : public QObject {
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    // False when the socket pair or the handlers could not be set up.
    bool isActive() const { return m_notifier != nullptr; }

signals:
    void stopRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};
