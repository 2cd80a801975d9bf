#!/usr/bin/env bash
# Regenerates the decoder test fixtures in this folder (synthetic tones, no real music). Needs ffmpeg and numpy;
# the tests themselves need neither.
set -euo pipefail
cd "$(dirname "$0")"
q() { ffmpeg -hide_banner -loglevel error -y "$@"; }
L='0.3*sin(2*PI*(220+150*t)*t)+0.15*sin(2*PI*1320*t)*(0.5+0.5*sin(2*PI*2*t))+0.05*(random(0)-0.5)'
R='0.25*sin(2*PI*330*t)+0.1*sin(2*PI*(2500-600*t)*t)+0.05*(random(1)-0.5)'
# Lossless pairs: the FLAC is encoded from the WAV beside it.
q -f lavfi -i "aevalsrc=$L|$R:s=22050:d=2" -c:a pcm_s16le tone-22k-stereo-16.wav
q -i tone-22k-stereo-16.wav -c:a flac tone-22k-stereo-16.flac
q -f lavfi -i "aevalsrc=$L:s=44100:d=0.5" -c:a pcm_s24le tone-44k-mono-24.wav
q -i tone-44k-mono-24.wav -c:a flac tone-44k-mono-24.flac
# Lossy files (GTZAN-like 22 kHz mono MPEG-2 layer III; FMA-like 44.1 kHz stereo MPEG-1; Ogg Vorbis) ...
q -f lavfi -i "aevalsrc=$L:s=22050:d=1.5" -c:a libmp3lame -b:a 64k tone-22k-mono.mp3
q -f lavfi -i "aevalsrc=$L|$R:s=44100:d=1" -c:a libmp3lame -b:a 128k tone-44k-stereo.mp3
q -f lavfi -i "aevalsrc=$L|$R:s=44100:d=1" -c:a libvorbis -q:a 4 tone-44k-stereo.ogg
# ... and ffmpeg's decode of each, mixed to mono as the mean of the channels, raw float32 little-endian.
for f in tone-22k-mono.mp3 tone-44k-stereo.mp3 tone-44k-stereo.ogg; do
  ch=$(ffprobe -v error -show_entries stream=channels -of csv=p=0 "$f")
  q -i "$f" -f f32le -c:a pcm_f32le "/tmp/$f.raw"
  python3 -c "import numpy as np; x=np.fromfile('/tmp/$f.raw','<f4').reshape(-1,$ch); (x.sum(axis=1,dtype=np.float32)*np.float32(1/$ch)).astype('<f4').tofile('$f.ffmpeg-mono.f32')"
done
# Clips long enough to be songs (at least one 3-s mel window), for the command-line tests.
q -f lavfi -i "aevalsrc=$L:s=11025:d=3.2" -c:a pcm_s16le song-11k-mono-16.wav
q -i song-11k-mono-16.wav -c:a flac song-11k-mono-16.flac
q -f lavfi -i "aevalsrc=$R:s=22050:d=3.2" -c:a libmp3lame -b:a 64k song-22k-mono.mp3
q -f lavfi -i "aevalsrc=$L|$R:s=44100:d=3.2" -c:a libmp3lame -b:a 128k song-44k-stereo.mp3
q -f lavfi -i "aevalsrc=$R|$L:s=44100:d=3.2" -c:a libvorbis -q:a 4 song-44k-stereo.ogg
# Formats that are recognised but not decoded.
q -f lavfi -i "aevalsrc=$L:s=22050:d=0.3" -c:a libopus tone.opus
q -f lavfi -i "aevalsrc=$L:s=22050:d=0.3" -c:a aac tone.m4a
