import type { Infrastructure } from '../../infrastructure';
import { NewsGroups } from './news-groups';
import { NewsImageFiles } from './news-image-files';
import { NewsImages } from './news-images';
import { NewsNotifier } from './news-notifier';
import { NewsReading } from './news-reading';
import { NewsService } from './news-service';

/** The news feature's services, built once per container. */
export function newsServices(infra: Infrastructure) {
  const groups = new NewsGroups(infra);
  const images = new NewsImages(infra);
  const notifier = new NewsNotifier(infra, groups);
  return {
    /** Publishing (admins): drafts, edits, publish, unpublish, the admin list. */
    newsAdmin: new NewsService(infra, groups, images, notifier),
    newsReading: new NewsReading(infra, groups),
    /** 订阅本集团动态 (consents); the publisher sends the messages. */
    newsSubscriptions: notifier,
    /** Upload grants and the image checks. */
    newsUploads: images,
    newsImageFiles: new NewsImageFiles(infra),
  };
}
