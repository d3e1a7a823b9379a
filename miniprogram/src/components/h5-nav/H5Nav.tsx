/**
 * In the weapp WeChat draws its own navigation bar from each page's navigationBarTitleText and
 * useNavigationTitle: nothing here, so there is never a second bar. H5Nav.h5.tsx is the H5 one
 * (Taro picks the .h5.tsx file in the H5 build).
 */
export function H5Nav(): null {
  return null;
}
