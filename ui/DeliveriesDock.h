#pragma once

#include <QDockWidget>

class DeliveriesView;
class QMainWindow;
class QSettings;

// The dock the Deliveries view lives in, below the endpoints. The first time it opens it takes a
// third of the window's height: its contents' size hint (a table and two text panes) would take
// most of it from the endpoints. After that it is where the operator left it: its place, size and
// visibility are in the window's saved state (QMainWindow::saveState), the view's splitter and
// columns in the settings written here.
class DeliveriesDock final : public QDockWidget {
    Q_OBJECT

public:
    DeliveriesDock(DeliveriesView *view, QMainWindow *window);

    // After QMainWindow::restoreState, before the window is shown.
    void restoreSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    DeliveriesView *m_view;
    QMainWindow *m_window;
    bool m_sized = false; // shown once, here or in a saved state: its size is the operator's
};
