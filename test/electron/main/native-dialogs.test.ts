import { describe, expect, it, vi } from 'vitest';

const showSaveDialog = vi.fn();
const showOpenDialog = vi.fn();
vi.mock('electron', () => ({
  app: { getPath: () => '/home/user/Documents' },
  dialog: { showSaveDialog, showOpenDialog },
}));

const { nativeDialogs } = await import('../../../electron/main/native-dialogs.ts');

describe('Electron main: native dialogs', () => {
  it('suggests a file name in Documents (never a path the page chose) and returns the pick', async () => {
    const window = { id: 1 };
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/user/x.gatelab.json' });
    const dialogs = nativeDialogs(() => window as never);
    expect(await dialogs.chooseSavePath('config', '../../etc/evil.gatelab.json')).toBe('/home/user/x.gatelab.json');
    expect(showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: '/home/user/Documents/evil.gatelab.json' }),
    );
  });

  it('offers a report in the format it was exported in', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/user/run.html' });
    const dialogs = nativeDialogs(() => null);
    expect(await dialogs.chooseSavePath('report', 'flash-sale.report.html')).toBe('/home/user/run.html');
    expect(showSaveDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({
        filters: [
          { name: 'Gatelab report (*.html)', extensions: ['html'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    );
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await dialogs.chooseSavePath('config', 'a.gatelab.json');
    expect(showSaveDialog.mock.lastCall?.[0]).toMatchObject({
      filters: [{ name: 'Gatelab config (*.gatelab.json)', extensions: ['json'] }, { name: 'All files' }],
    });
  });

  it('returns null when the user cancels', async () => {
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const dialogs = nativeDialogs(() => null);
    expect(await dialogs.chooseSavePath('scenario', 'a.scenario.json')).toBeNull();
    expect(await dialogs.chooseOpenPath('scenario')).toBeNull();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/tmp/a.scenario.json'] });
    expect(await dialogs.chooseOpenPath('scenario')).toBe('/tmp/a.scenario.json');
  });
});
