#pragma once

#include <QObject>

namespace wagate {

//! Turns SIGTERM and SIGINT into a clean QCoreApplication::quit() on the event loop (the handler only
//! writes a byte to a socket pair; everything else happens in the loop). SIGPIPE is ignored. One per
//! process, created after the application object.
class QuitOnSignal : public QObject
{
    Q_OBJECT
public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

    bool isValid() const { return m_valid; }

private:
    bool m_valid = false;
};

} // namespace wagate
