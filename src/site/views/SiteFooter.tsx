import { currentArchiveMonthPath } from './archivePaths.ts';
import type { SiteInfo } from './types.ts';

const WIKINEWS_URL = 'https://en.wikinews.org';

/**
 * The demo notice the content licences ask for, once on every page. Written as fixed HTML so that it reads
 * exactly as the licence README gives it (straight quotes included) and only the Wikinews URL is a link.
 */
const DEMO_NOTICE_HTML =
  `Demo articles are from Wikinews (<a href="${WIKINEWS_URL}">${WIKINEWS_URL}</a>), used under CC BY 2.5. ` +
  'Selected via the compilations "Wikinews sample articles" by Wouter van Atteveldt (CC BY 2.5), toscaData by ' +
  'L. Koppers, J. Rieger, K. Boczek and G. von Nordheim (CC BY 4.0), and the SemEval-2015 Task 4 / NewsReader ' +
  'MEANTIME data © FBK, VU Amsterdam, UPV/EHU (CC BY 3.0).';

export function SiteFooter({ site }: { site: SiteInfo }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p class="footer-name">{site.name}</p>
        <p class="footer-archive">
          <a href={currentArchiveMonthPath()}>Archive: this month’s stories</a>
        </p>
        <p class="demo-notice" dangerouslySetInnerHTML={{ __html: DEMO_NOTICE_HTML }} />
      </div>
    </footer>
  );
}
