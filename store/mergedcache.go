package store

// mergedCache keeps the encoded merged values ('E', 'R', 'C') that this
// process wrote, as committed, so that a write that adds to a value does
// not read it back from badger: the values a batch updates are mostly
// ones an earlier batch wrote (a co-mention pair or an entity comes back
// in document after document), and reading one from the tables means
// finding and decompressing a 16 KiB block. Every write of a merged
// value goes through a batch (recompute is their only writer), which
// puts it in the cache at once (batch.noteValue): one batch at a time
// reads and writes the cache (writers hold DB.mu, which guards it), and
// one that ends without committing empties it (batch.ended). No other
// process writes while this one has the store open (badger locks the
// directory). Check's repair, RecomputeAll and recover, which exist for
// stores that are not what the writes left, empty it first
// (forgetValues).
//
// It is bounded by two generations: when the current one holds more
// than limit bytes, it becomes the previous one and the old previous one
// is dropped; a hit in the previous generation moves the value to the
// current one.
//
// A cache started on a store without merged values is complete (every
// merged value there is was written through it) until it drops or
// forgets values it had: a key it does not have then has no value, and a
// new entity or pair needs no read from badger to find that out.
type mergedCache struct {
	cur, prev map[string][]byte
	size      int // bytes in cur, with a fixed cost per entry
	limit     int
	complete  bool
}

// mergedCacheLimit bounds one generation of the cache, in bytes. The
// merged values of a 10,000-article store come to about 5 MB.
const mergedCacheLimit = 16 << 20

// mergedEntryCost is what an entry is counted for besides its key and
// value bytes (the map's slot, string and slice headers).
const mergedEntryCost = 64

func newMergedCache(limit int) *mergedCache {
	return &mergedCache{cur: map[string][]byte{}, limit: limit}
}

// get returns the committed value of the merged key k, if it is cached.
func (c *mergedCache) get(k []byte) ([]byte, bool) {
	if v, ok := c.cur[string(k)]; ok {
		return v, true
	}
	v, ok := c.prev[string(k)]
	if ok {
		delete(c.prev, string(k))
		c.put(string(k), v)
	}
	return v, ok
}

// peek is get without moving the value to the current generation.
func (c *mergedCache) peek(k string) ([]byte, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.prev[k]
	return v, ok
}

// put records v as the committed value of k; a nil v forgets k.
func (c *mergedCache) put(k string, v []byte) {
	if old, ok := c.cur[k]; ok {
		c.size -= len(k) + len(old) + mergedEntryCost
		delete(c.cur, k)
	}
	if v == nil {
		delete(c.prev, k)
		return
	}
	n := len(k) + len(v) + mergedEntryCost
	if c.size+n > c.limit {
		if len(c.prev) > 0 {
			c.complete = false
		}
		c.prev, c.cur, c.size = c.cur, map[string][]byte{}, 0
	}
	c.cur[k] = v
	c.size += n
}

// clear forgets everything (after a commit that failed, whose outcome is
// not known).
func (c *mergedCache) clear() {
	c.cur, c.prev, c.size, c.complete = map[string][]byte{}, nil, 0, false
}

// forgetValues empties the cache of merged values; s.mu is held.
func (s *DB) forgetValues() {
	if s.values != nil {
		s.values.clear()
	}
}

// isMergedKey reports whether k is a merged value's key.
func isMergedKey(k []byte) bool {
	return len(k) > 0 && (k[0] == pEntity || k[0] == pRelation || k[0] == pCo)
}
