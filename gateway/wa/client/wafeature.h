#pragma once

#include "wa/client/disconnectreason.h"

#include <QString>

#include <functional>

namespace wagate::wa {

class Node;
struct AuthState;

//! What a feature may do with the connection it is part of. WaConnection implements it; a
//! feature's own tests implement it with a recorder, so each feature is testable without a socket.
class WaFeatureHost
{
public:
    virtual ~WaFeatureHost() = default;

    //! Sends a node on the open link; false when there is none.
    virtual bool sendNode(const Node &node) = 0;
    //! Sends an iq (its id is set here) and waits at most timeoutMs for the answer.
    virtual void sendIq(Node iq, int timeoutMs, std::function<void(const Node &)> onResponse,
                        std::function<void()> onTimeout) = 0;
    //! Wall clock, ms since the epoch (injectable in tests).
    virtual qint64 nowMs() const = 0;
    //! WhatsApp's clock as <success t> told it, in seconds.
    virtual qint64 serverNowSeconds() const = 0;
    //! The credentials; a feature that changes them calls persistAuth().
    virtual AuthState &auth() = 0;
    virtual void persistAuth() = 0;
    //! Logged in and past the post-login queries: messages may flow.
    virtual bool isReady() const = 0;
    //! Ends the attempt (the link is unusable); the feature hears onDisconnected() like the others.
    virtual void failConnection(const DisconnectReason &reason) = 0;
};

//! A piece of the protocol on a connection: it receives the stanzas routed to it and hears when
//! the connection logs in and when it ends.
class WaFeature
{
public:
    explicit WaFeature(WaFeatureHost &host) : m_host(host) {}
    virtual ~WaFeature() = default;

    //! A stanza for this feature (the router matched its tag). True when handled.
    virtual bool handleNode(const Node &node) = 0;
    //! <success> arrived: the link is logged in (the post-login queries are still running).
    virtual void onLoggedIn() {}
    //! The post-login queries are done: the link is ready.
    virtual void onReady() {}
    //! The attempt ended; whatever waited on this link is over.
    virtual void onDisconnected() {}

protected:
    WaFeatureHost &host() const { return m_host; }

private:
    WaFeatureHost &m_host;
};

} // namespace wagate::wa
