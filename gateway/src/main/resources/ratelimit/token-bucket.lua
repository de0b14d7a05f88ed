-- One token bucket, refilled and decremented atomically (a script runs alone on the Redis server).
-- KEYS[1] the bucket (a hash: tokens, updated in microseconds of the Redis clock)
-- ARGV[1] capacity, ARGV[2] refill per second
-- Returns {1 if a token was taken else 0, the tokens left as a decimal string}.
-- The Redis server's clock (TIME), not the gateways': every instance sees the same time. The key expires when the
-- bucket would be full again, so idle clients cost no memory (a missing bucket is a full one).
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1])
local updated = tonumber(state[2])
if tokens == nil or updated == nil then
  tokens = capacity
  updated = now
end
if now > updated then
  tokens = math.min(capacity, tokens + (now - updated) * rate / 1000000)
  updated = now
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'updated', string.format('%d', updated))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + 1000)
return {allowed, string.format('%.6f', tokens)}
