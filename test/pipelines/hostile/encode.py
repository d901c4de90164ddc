"""Writes the hostile landing corpus with tools other than our own: Python's gzip, zlib and codecs,
and GNU gzip. Reads a JSON plan from stdin: [{path, encoder, parts: [base64 text...], post}].
The pipeline's tests then read what these tools wrote."""
import base64, gzip, json, os, subprocess, sys, zlib

def gnu_gzip(data):
    return subprocess.run(['gzip', '-9', '-c', '-n'], input=data, check=True, capture_output=True).stdout

def zlib_sync_flushed(data):
    # One deflate block per line, each ended by a full flush: the shape streaming exporters leave.
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    out = b''
    for line in data.splitlines(keepends=True):
        out += c.compress(line) + c.flush(zlib.Z_FULL_FLUSH)
    return out + c.flush()

ENCODERS = {
    'python-gzip': lambda d: gzip.compress(d, compresslevel=9, mtime=0),
    'gnu-gzip': gnu_gzip,
    'zlib-sync-flush': zlib_sync_flushed,
    'plain': lambda d: d,
}

for item in json.load(sys.stdin):
    parts = [base64.b64decode(p) for p in item['parts']]
    if item.get('charset'):
        parts = [p.decode('utf-8').encode(item['charset']) for p in parts]
    # Several parts: a multi-member gzip stream (members concatenated, as `cat a.gz b.gz` makes).
    data = b''.join(ENCODERS[item['encoder']](p) for p in parts)
    post = item.get('post')
    if post == 'truncate':
        data = data[: int(len(data) * 0.6)]
    elif post == 'bad-crc':
        data = data[:-8] + bytes([data[-8] ^ 0xFF]) + data[-7:]
    elif post == 'gzip-magic-garbage':
        data = b'\x1f\x8b' + os.urandom(40)
    os.makedirs(os.path.dirname(item['path']), exist_ok=True)
    with open(item['path'], 'wb') as f:
        f.write(data)
