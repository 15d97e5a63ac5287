-- mod_auth_servicedesk: Prosody accepts short-lived tokens signed by Plone.
--
-- Staff are already logged in to Plone; Plone's @chat-token view signs a
-- JSON Web Token (HS256) with a secret it shares with Prosody:
--   { "sub": <XMPP username>, "aud": <this VirtualHost>, "iat": ..., "exp": ... }
-- The XMPP client logs in with SASL PLAIN, the username and that token as
-- password. This module checks the signature (util.jwt, constant-time),
-- the audience, the username and the expiry; nothing is stored here and no
-- password exists for these accounts.
--
-- Configuration (per VirtualHost):
--   authentication = "servicedesk"
--   servicedesk_token_secret = "..."   -- or the SERVICEDESK_CHAT_SECRET
--                                       -- environment variable of prosody
--   servicedesk_token_leeway = 30       -- seconds of clock skew allowed

local jwt = require "util.jwt";
local new_sasl = require "util.sasl".new;
local nodeprep = require "util.encodings".stringprep.nodeprep;

local host = module.host;
local secret = module:get_option_string("servicedesk_token_secret")
	or os.getenv("SERVICEDESK_CHAT_SECRET");
local leeway = module:get_option_number("servicedesk_token_leeway", 30);

if not secret or #secret < 32 then
	module:log("error", "No servicedesk_token_secret of at least 32 characters: every log-in is refused");
	secret = nil;
end

local provider = {};

local function check_token(username, token)
	if not secret or type(token) ~= "string" or #token > 4096 then
		return false;
	end
	local ok, claims = jwt.verify(secret, token);
	if not ok or type(claims) ~= "table" then
		module:log("info", "Refused a token for %s: %s", username, tostring(claims));
		return false;
	end
	local now = os.time();
	if claims.aud ~= host or type(claims.sub) ~= "string"
		or nodeprep(claims.sub) ~= username then
		module:log("info", "Refused a token for %s: wrong user or host", username);
		return false;
	end
	if type(claims.exp) ~= "number" or claims.exp + leeway < now
		or type(claims.iat) ~= "number" or claims.iat - leeway > now then
		module:log("info", "Refused an expired token for %s", username);
		return false;
	end
	return true;
end

function provider.test_password(username, password)
	return check_token(username, password);
end

-- Accounts live in Plone: any user may exist, none has a password here.
function provider.user_exists(username)
	return true;
end

function provider.users()
	return function() return nil; end
end

function provider.get_password()
	return nil, "Passwords are not stored: log in through Plone";
end

function provider.set_password()
	return nil, "Passwords are not stored: log in through Plone";
end

function provider.create_user()
	return nil, "Accounts are created in Plone";
end

function provider.delete_user()
	return nil, "Accounts are removed in Plone";
end

function provider.get_sasl_handler()
	return new_sasl(host, {
		plain_test = function(sasl, username, password, realm)
			return check_token(username, password), true;
		end;
	});
end

module:provides("auth", provider);
