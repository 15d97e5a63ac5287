-- collective.servicedesk: citizens' (anonymous) messages per minute.
--
-- Load it on the guest VirtualHost only: staff are never counted. Every
-- message with a <body> that a guest session sends counts; more than
-- servicedesk_guest_messages_per_minute in the last 60 seconds are not
-- delivered and bounce to the sender as <policy-violation/> (type "wait").
-- Chat states and receipts have no body and pass. The count lives in the
-- session and disappears with it (anonymous sessions are never reused).
-- mod_limits still caps the bytes per second; this caps the messages.

local st = require "util.stanza";
local now = require "util.time".now;

local limit = module:get_option_number("servicedesk_guest_messages_per_minute", 10);
local text = module:get_option_string("servicedesk_guest_rate_text",
	"Too many messages: please wait a moment before you write again.");
local WINDOW = 60;

local function over_limit(session)
	local times = session.servicedesk_message_times;
	if not times then
		times = {};
		session.servicedesk_message_times = times;
	end
	local t = now();
	-- Forget the messages older than the window (a sliding minute).
	while times[1] and t - times[1] >= WINDOW do
		table.remove(times, 1);
	end
	if #times >= limit then
		return true;
	end
	times[#times + 1] = t;
	return false;
end

local function check(event)
	local origin, stanza = event.origin, event.stanza;
	if origin.type ~= "c2s" or stanza.attr.type == "error" then
		return;
	end
	if not stanza:get_child("body") then
		return;
	end
	if over_limit(origin) then
		module:log("debug", "%s is over %d messages per minute", origin.full_jid or "?", limit);
		origin.send(st.error_reply(stanza, "wait", "policy-violation", text));
		return true;
	end
end

-- pre-message/* fire on the sender's host for stanzas from its own sessions.
module:hook("pre-message/bare", check, 1000);
module:hook("pre-message/full", check, 1000);
module:hook("pre-message/host", check, 1000);

module:log("info", "at most %d guest messages per minute", limit);
