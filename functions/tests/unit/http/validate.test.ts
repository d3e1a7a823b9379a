import { z } from 'zod';
import { GENERIC_VALIDATION_MESSAGE, ValidationError } from '../../../src/errors';
import { parseOr } from '../../../src/http/validate';

describe('a refused body says what is wrong in its top-level message', () => {
  const schema = z.object({
    title: z.string().min(1, '请填写标题'),
    authorName: z.string().min(1, '请填写作者'),
  });

  test('parseOr answers a 400 whose message is the first field’s own message, with every field in details', () => {
    // Prepare
    const body = { title: '秋季运动会', authorName: '' };

    // Act
    const failure = (() => {
      try {
        parseOr(schema, body);
      } catch (error) {
        return error as ValidationError;
      }
    })();

    // Assess
    expect(failure).toBeInstanceOf(ValidationError);
    expect(failure).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '请填写作者' });
    expect(failure!.details).toEqual([{ path: 'authorName', message: '请填写作者' }]);
  });

  test('a caller’s own message is kept, and the generic text is used only when no field says anything in Chinese', () => {
    // Prepare, Act
    const specific = new ValidationError('位置参数不正确', [{ path: 'lat', message: '纬度超出范围' }]);
    const generic = new ValidationError(GENERIC_VALIDATION_MESSAGE, [{ path: 'ref', message: '无效的引用' }]);
    const bare = new ValidationError();
    const english = new ValidationError(undefined, [{ path: 'meta', message: 'Invalid input: expected object, received undefined' }]);

    // Assess
    expect(specific.message).toBe('位置参数不正确');
    expect(generic.message).toBe('无效的引用');
    expect(bare.message).toBe('请求参数不正确');
    // A validator's English default is not promoted: the Chinese generic text is shown instead.
    expect(english.message).toBe('请求参数不正确');
  });
});
