import { describe, expect, it } from 'vitest';
import { fileUriToPath, pathToFileUri, percentDecode } from '../../../src/main/core/playlists/formats/file-uri.ts';
import { resolveLocation, type LocationBase } from '../../../src/main/core/playlists/formats/location.ts';

const posixBase: LocationBase = { dir: '/home/ana/Music/Playlists', platform: 'posix' };
const resolve = (location: string, base: Partial<LocationBase> = {}) =>
  resolveLocation(location, { ...posixBase, ...base });

describe('resolveLocation on posix', () => {
  it('resolves relative paths against the playlist folder, backslashes as separators', () => {
    expect(resolve('a.mp3')).toEqual({ kind: 'file', path: '/home/ana/Music/Playlists/a.mp3' });
    expect(resolve('./Artist/a.mp3')).toEqual({ kind: 'file', path: '/home/ana/Music/Playlists/Artist/a.mp3' });
    expect(resolve('../Artist/Album/01 a.mp3')).toEqual({
      kind: 'file',
      path: '/home/ana/Music/Artist/Album/01 a.mp3',
    });
    expect(resolve('..\\Artist\\Album\\01 a.mp3')).toEqual({
      kind: 'file',
      path: '/home/ana/Music/Artist/Album/01 a.mp3',
    });
    expect(resolve('..\\..\\..\\..\\..\\a.mp3')).toEqual({ kind: 'file', path: '/a.mp3' });
  });

  it('keeps absolute paths, normalised, and trims the line', () => {
    expect(resolve('  /mnt/music//Artist/./a.mp3 ')).toEqual({ kind: 'file', path: '/mnt/music/Artist/a.mp3' });
  });

  it('leaves "%" alone in a plain path, and decodes it in a URI reference', () => {
    expect(resolve('100%25 Hits.mp3')).toEqual({ kind: 'file', path: '/home/ana/Music/Playlists/100%25 Hits.mp3' });
    expect(resolve('100%25%20Hits.mp3', { uriReference: true })).toEqual({
      kind: 'file',
      path: '/home/ana/Music/Playlists/100% Hits.mp3',
    });
  });

  it('gives a Windows drive path a tail below the drive, to match by suffix', () => {
    expect(resolve('C:\\Music\\Artist\\Album\\01 a.mp3')).toEqual({
      kind: 'foreign',
      path: 'C:\\Music\\Artist\\Album\\01 a.mp3',
      tail: 'Music/Artist/Album/01 a.mp3',
    });
    expect(resolve('c:/Music/Artist/../Other/01 a.mp3')).toEqual({
      kind: 'foreign',
      path: 'c:\\Music\\Other\\01 a.mp3',
      tail: 'Music/Other/01 a.mp3',
    });
  });

  it('gives a UNC path a tail below its share, and a rooted or drive-relative one below the root', () => {
    expect(resolve('\\\\server\\share\\Artist\\a.mp3')).toEqual({
      kind: 'foreign',
      path: '\\\\server\\share\\Artist\\a.mp3',
      tail: 'Artist/a.mp3',
    });
    expect(resolve('\\Music\\a.mp3')).toEqual({ kind: 'foreign', path: '\\Music\\a.mp3', tail: 'Music/a.mp3' });
    expect(resolve('D:Artist\\a.mp3')).toEqual({ kind: 'foreign', path: 'D:Artist\\a.mp3', tail: 'Artist/a.mp3' });
  });

  it('reads file URIs, percent-encoded UTF-8 included', () => {
    expect(resolve('file:///home/ana/Music/Sigur%20R%C3%B3s/%E6%9D%B1%E4%BA%AC.flac')).toEqual({
      kind: 'file',
      path: '/home/ana/Music/Sigur Rós/東京.flac',
    });
    expect(resolve('file://localhost/home/ana/a%F0%9F%8E%B5.mp3')).toEqual({ kind: 'file', path: '/home/ana/a🎵.mp3' });
    expect(resolve('file:/home/ana/a.mp3')).toEqual({ kind: 'file', path: '/home/ana/a.mp3' });
    expect(resolve('FILE:///home/ana/a.mp3')).toEqual({ kind: 'file', path: '/home/ana/a.mp3' });
  });

  it('reads Windows file URIs as foreign paths', () => {
    expect(resolve('file:///C:/Users/Ana/Music/Bj%C3%B6rk/01%20Hunter.flac')).toEqual({
      kind: 'foreign',
      path: 'C:\\Users\\Ana\\Music\\Björk\\01 Hunter.flac',
      tail: 'Users/Ana/Music/Björk/01 Hunter.flac',
    });
    expect(resolve('file:///d|/Music/a.mp3')).toEqual({
      kind: 'foreign',
      path: 'D:\\Music\\a.mp3',
      tail: 'Music/a.mp3',
    });
    expect(resolve('file://nas/music/Artist/a%20b.mp3')).toEqual({
      kind: 'foreign',
      path: '\\\\nas\\music\\Artist\\a b.mp3',
      tail: 'Artist/a b.mp3',
    });
  });

  it('keeps URLs of other schemes as URLs, untouched', () => {
    expect(resolve('https://example.com/a%20b.mp3?x=1')).toEqual({
      kind: 'url',
      url: 'https://example.com/a%20b.mp3?x=1',
    });
    expect(resolve('http://stream.example:8000/live')).toEqual({ kind: 'url', url: 'http://stream.example:8000/live' });
    expect(resolve('rtsp://cam/stream')).toEqual({ kind: 'url', url: 'rtsp://cam/stream' });
  });

  it('answers empty for a blank location', () => {
    expect(resolve('   ')).toEqual({ kind: 'empty' });
  });
});

describe('resolveLocation on win32', () => {
  const base: LocationBase = { dir: 'C:\\Users\\Ana\\Music', platform: 'win32' };
  it('resolves Windows paths and URIs natively', () => {
    expect(resolveLocation('..\\Podcasts\\a.mp3', base)).toEqual({
      kind: 'file',
      path: 'C:\\Users\\Ana\\Podcasts\\a.mp3',
    });
    expect(resolveLocation('D:\\Music\\a.mp3', base)).toEqual({ kind: 'file', path: 'D:\\Music\\a.mp3' });
    expect(resolveLocation('\\\\nas\\music\\a.mp3', base)).toEqual({ kind: 'file', path: '\\\\nas\\music\\a.mp3' });
    expect(resolveLocation('file:///C:/Music/a%20b.mp3', base)).toEqual({ kind: 'file', path: 'C:\\Music\\a b.mp3' });
  });
});

describe('percentDecode', () => {
  it('leaves a "%" without two hex digits as written', () => {
    expect(percentDecode('100% sure %zz %4')).toBe('100% sure %zz %4');
  });
  it('falls back to windows-1252 for escapes that are not UTF-8, as old Windows players wrote', () => {
    expect(percentDecode('Bj%F6rk')).toBe('Björk');
    expect(percentDecode('Bj%C3%B6rk')).toBe('Björk');
  });
});

describe('file URIs', () => {
  it('are written with every segment percent-encoded', () => {
    expect(pathToFileUri('/home/ana/Sigur Rós/100% #1?.mp3', 'posix')).toBe(
      'file:///home/ana/Sigur%20R%C3%B3s/100%25%20%231%3F.mp3',
    );
    expect(pathToFileUri('C:\\Music\\Björk\\a b.mp3', 'win32')).toBe('file:///C:/Music/Bj%C3%B6rk/a%20b.mp3');
    expect(pathToFileUri('\\\\nas\\music\\a b.mp3', 'win32')).toBe('file://nas/music/a%20b.mp3');
  });
  it('read back to the path they were written from', () => {
    const paths = ['/home/ana/Sigur Rós/100% #1?.mp3', '/a/東京事変 🎵;,=&+$@.mp3'];
    expect(paths.map((path) => fileUriToPath(pathToFileUri(path, 'posix')))).toEqual(paths);
    expect(fileUriToPath(pathToFileUri('C:\\Music\\Björk\\a b.mp3', 'win32'))).toBe('C:\\Music\\Björk\\a b.mp3');
    expect(fileUriToPath(pathToFileUri('\\\\nas\\music\\a b.mp3', 'win32'))).toBe('\\\\nas\\music\\a b.mp3');
  });
});
